"""A local double of the Genesys Cloud Platform API (see README.md beside this package)."""

from genesys_sandbox.server import Sandbox, create_app, serve_in_thread

__all__ = ["Sandbox", "create_app", "serve_in_thread"]
