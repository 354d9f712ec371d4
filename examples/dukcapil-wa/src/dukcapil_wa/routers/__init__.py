"""The service's routes, one router per audience: Meta's webhook, the officers' pages."""
