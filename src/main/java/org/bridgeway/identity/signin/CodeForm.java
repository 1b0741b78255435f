package org.bridgeway.identity.signin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A second-factor code: six digits from the app, or a recovery code. */
record CodeForm(
    @NotBlank(message = "{identity.signin.code.required}")
        @Pattern(regexp = "^[0-9a-zA-Z\\- ]{6,12}$", message = "{identity.signin.code.format}")
        String code) {

  static CodeForm empty() {
    return new CodeForm("");
  }
}
