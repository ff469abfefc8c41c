"""The HTTP API and dashboard server over an eventwire database."""

from eventwire.api.app import create_app

__all__ = ["create_app"]
