// Package errs unpacks joined errors, so that each can be reported on a
// line of its own.
package errs

// Split returns the errors that errors.Join (at any depth) put together,
// in order; any other error is returned alone.
func Split(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Split(e)...)
		}
		return out
	}
	return []error{err}
}
