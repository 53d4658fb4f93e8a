"""watchfloor: screening against official designations, and the crisis intelligence around them."""

__version__ = "0.1.0"
