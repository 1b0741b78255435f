package org.bridgeway.identity.signin;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The sign-in form: the system-use notice must be acknowledged before anything is checked. */
record SignInForm(
    @NotNull(message = "{identity.signin.acknowledged.required}")
        @AssertTrue(message = "{identity.signin.acknowledged.required}")
        Boolean acknowledged,
    @NotBlank(message = "{identity.signin.email.required}")
        @Size(max = 254, message = "{identity.signin.email.size}")
        String email,
    @NotBlank(message = "{identity.signin.password.required}")
        @Size(max = 128, message = "{identity.signin.password.size}")
        String password) {

  static SignInForm empty() {
    return new SignInForm(false, "", "");
  }
}
