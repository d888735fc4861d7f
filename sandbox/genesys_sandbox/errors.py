"""The API's error envelope (ErrorBody in the SDK)."""


class ApiError(Exception):
    """An error answered as the real ErrorBody: message, code, status, contextId, details."""

    def __init__(self, status, code, message, details=None, limit=None, headers=None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or []
        self.limit = limit
        self.headers = headers or {}

    def body(self, context_id):
        body = {"message": self.message, "code": self.code, "status": self.status,
                "messageWithParams": self.message, "messageParams": {},
                "contextId": context_id, "details": self.details, "errors": []}
        if self.limit:
            body["limit"] = self.limit
        return body


def not_found(what="The requested resource was not found."):
    return ApiError(404, "not.found", what)


def bad_request(message, field=None):
    details = [{"errorCode": "invalid.value", "fieldName": field}] if field else []
    return ApiError(400, "bad.request", message, details=details)
