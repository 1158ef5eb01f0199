package io.github.accounts.problems.boundary;

import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.problems.control.InvalidInputException;
import io.github.accounts.web.control.JsonNames;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.List;

/** Bean Validation errors of a request become a 400 that names each field and why. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<ProblemException.FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new ProblemException.FieldError(field(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(ProblemException.FieldError::field))
                .toList();
        return new InvalidInputException(errors).problem().toResponse();
    }

    /**
     * The request field a violation is about: the last property of the body (by its JSON name), or a query
     * parameter by its name, or "body" for a missing body.
     */
    static String field(ConstraintViolation<?> violation) {
        String field = "body";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                field = jsonName(violation.getLeafBean(), node.getName());
            } else if (node.getKind() == ElementKind.PARAMETER && violation.getInvalidValue() != null) {
                field = node.getName();
            }
        }
        return field;
    }

    /** A record component's name as the client sent it ({@code current_password}, not {@code currentPassword}). */
    private static String jsonName(Object bean, String property) {
        if (bean instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getName().equals(property)) {
                    return JsonNames.of(record.getClass(), component);
                }
            }
        }
        return property;
    }
}
