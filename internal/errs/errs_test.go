package errs

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSplit(t *testing.T) {
	a, b, c := errors.New("a"), errors.New("b"), errors.New("c")
	assert.Equal(t, []error{a, b, c}, Split(errors.Join(a, errors.Join(b, c))))
	wrapped := fmt.Errorf("x: %w", a)
	assert.Equal(t, []error{wrapped}, Split(wrapped), "a wrapped error stays whole")
	assert.Nil(t, Split(nil))
}
