"""Kept for old import paths: the engine's view of a site is the delivery port
(`shopsync.sync.port.DeliveryTarget`)."""

from __future__ import annotations

from shopsync.sync.port import DeliveryTarget

SiteApi = DeliveryTarget

__all__ = ["DeliveryTarget", "SiteApi"]
