package io.github.accounts.web.boundary;

import io.github.accounts.problems.control.InvalidInputException;
/**
 * Whole-number query parameters, read from their text: JAX-RS answers a value that is no {@code int}
 * ({@code page=abc}, {@code page=99999999999}) with 404, where the client's mistake is a 400 naming the parameter.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The value as an int from {@code min} to {@code max}, or a 400 naming the parameter and the range. */
    public static int integer(String name, String value, int min, int max) {
        if (value != null && value.matches("-?[0-9]{1,10}")) {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return (int) number;
            }
        }
        throw InvalidInputException.field(name, "must be a whole number from " + min + " to " + max);
    }
}
