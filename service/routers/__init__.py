"""One router per resource; `service.app` includes them all under /v1."""
