"""ShopSync: keeps a jeweller's web store in step with the stock in the shop's ERP."""

__version__ = "0.1.0"
