package io.github.accounts.web.control;

import jakarta.json.bind.annotation.JsonbProperty;

import java.lang.reflect.RecordComponent;

/** The name a record component has in JSON: its {@code @JsonbProperty} name ({@code current_password}), else its own. */
public final class JsonNames {

    private JsonNames() {
    }

    public static String of(Class<?> type, RecordComponent component) {
        try {
            JsonbProperty property = type.getDeclaredField(component.getName()).getAnnotation(JsonbProperty.class);
            return property == null || property.value().isEmpty() ? component.getName() : property.value();
        } catch (NoSuchFieldException e) {
            return component.getName();
        }
    }
}
