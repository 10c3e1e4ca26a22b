"""The app's windows: each a thin view that asks the hub for data and listens to its signals."""
