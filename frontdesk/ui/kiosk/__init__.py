"""The service-desk kiosk."""
