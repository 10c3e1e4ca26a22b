"""The site side of ShopSync: the Site API v1 contract, its client and the sandbox site."""
