package io.github.accounts.problems.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConstraintViolationMapperTest {

    record Sample(@JsonbProperty("current_password") @Size(max = 2) String currentPassword, @Size(max = 2) String note) {
    }

    @Test
    void aFieldIsNamedAsTheClientSentIt() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Set<ConstraintViolation<Sample>> violations = factory.getValidator().validate(new Sample("long", "long"));
            Set<String> fields = new TreeSet<>();
            violations.forEach(v -> fields.add(ConstraintViolationMapper.field(v)));
            assertEquals(Set.of("current_password", "note"), fields);
        }
    }
}
