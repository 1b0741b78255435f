package org.bridgeway.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class FieldViolationsTest {

  record Line(@NotBlank String text, int quantity) {}

  record Order(String reference, List<@Valid Line> lines) {}

  static class Service {
    void place(@Valid Order order, @Min(1) int copies) {}
  }

  private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void methodValidationNamesTheFieldsOfTheArgumentNotTheMethod() throws Exception {
    Method place = Service.class.getDeclaredMethod("place", Order.class, int.class);
    Order order = new Order("R-1", List.of(new Line("ok", 1), new Line(" ", 1)));
    var violations =
        validator
            .forExecutables()
            .validateParameters(new Service(), place, new Object[] {order, 0});

    List<FieldViolation> fields =
        new FieldViolations(null).of(new ConstraintViolationException(violations));

    assertThat(fields)
        .extracting(FieldViolation::field, FieldViolation::code)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("lines[1].text", "NotBlank"),
            org.assertj.core.groups.Tuple.tuple("copies", "Min"));
  }

  @Test
  void jsonMismatchIsNamedByItsPathInTheBody() {
    MismatchedInputException mismatch =
        catchThrowableOfType(
            MismatchedInputException.class,
            () ->
                JsonMapper.builder()
                    .build()
                    .readValue(
                        "{\"reference\":\"R-1\",\"lines\":[{\"text\":\"a\",\"quantity\":\"two\"}]}",
                        Order.class));

    FieldViolation violation = FieldViolations.of(mismatch);

    assertThat(violation.field()).isEqualTo("lines[0].quantity");
    assertThat(violation.code()).isEqualTo("TypeMismatch");
    assertThat(violation.message()).isEqualTo("must be a whole number");
  }

  @Test
  void typeDescriptionsNeverNameJavaTypes() {
    assertThat(Problems.expected(java.util.UUID.class)).isEqualTo("must be a UUID");
    assertThat(Problems.expected(boolean.class)).isEqualTo("must be true or false");
    assertThat(Problems.expected(java.math.BigDecimal.class)).isEqualTo("must be a number");
    assertThat(Problems.expected(java.time.Instant.class))
        .isEqualTo("must be a date and time in ISO 8601 format");
    assertThat(Problems.expected(Line.class)).isEqualTo("must be an object");
    assertThat(Problems.expected(null)).isEqualTo("has the wrong type");
  }
}
