# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Typed errors of the collection; turned into fail_json in one place (module.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class GenesysError(Exception):
    """An error with what a person needs to act on it: the request, the API's code and correlation id."""

    def __init__(self, message, status=None, code=None, correlation_id=None, method=None, path=None, details=None):
        super(GenesysError, self).__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.correlation_id = correlation_id
        self.method = method
        self.path = path
        self.details = details

    def to_fail_json(self):
        where = " ({0} {1})".format(self.method, self.path) if self.method else ""
        status = " HTTP {0}".format(self.status) if self.status else ""
        code = " [{0}]".format(self.code) if self.code else ""
        result = dict(msg="{0}{1}{2}{3}".format(self.message, where, status, code))
        for key in ("status", "code", "correlation_id", "method", "path", "details"):
            if getattr(self, key) is not None:
                result[key] = getattr(self, key)
        return result


class AuthError(GenesysError):
    """Credentials were refused, or none were given."""


class NotFoundError(GenesysError):
    """The API answered 404."""


class ConflictError(GenesysError):
    """The API answered 409 (a version conflict or a duplicate)."""


class RateLimitError(GenesysError):
    """Throttling outlasted the retry budget."""


class UncertainWriteError(GenesysError):
    """A write that is unsafe to repeat failed in transit: it may or may not have been applied."""


class InputError(GenesysError):
    """The desired state is invalid; raised before any write."""
