package corpus

import (
	"errors"
	"fmt"
)

// Error codes, after WTF Dial: callers branch on the code, users read the message.
const (
	EINVALID  = "invalid"   // the request or input is wrong; the user can fix it
	ENOTFOUND = "not_found" // nothing matches
	EINTERNAL = "internal"  // a failure on our side; logged, never shown in detail
)

// Error is an error meant for users: a code and a plain message.
type Error struct {
	Code    string
	Message string
}

// Error implements error.
func (e *Error) Error() string {
	return fmt.Sprintf("newsdesk error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err's *Error, EINTERNAL for any other error
// and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the user-facing message of err's *Error, or a
// generic message for any other error, so internal details never leak.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	default:
		return "Internal error."
	}
}
