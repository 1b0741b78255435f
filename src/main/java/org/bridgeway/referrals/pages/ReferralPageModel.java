package org.bridgeway.referrals.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.lifecycle.DeclineReason;
import org.bridgeway.referrals.lifecycle.EndReason;
import org.bridgeway.referrals.lifecycle.IntakeMode;
import org.bridgeway.referrals.lifecycle.PreferredContact;
import org.bridgeway.referrals.lifecycle.ReferralView;
import org.bridgeway.referrals.lifecycle.TimelineEntry;
import org.bridgeway.referrals.lifecycle.TimelineKind;
import org.bridgeway.referrals.lifecycle.Urgency;
import org.bridgeway.referrals.lifecycle.WithdrawReason;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the referral pages show beside the referral: the choices of their selects, the names of the
 * organizations and caseworkers it names by id, and its timeline in words (codes turned into their
 * labels, never shown raw).
 */
@Component
class ReferralPageModel {

  /** One line of the timeline as the page shows it. */
  record Line(Instant at, String what, String organization, String detail, String note) {}

  private final MessageSource messages;
  private final NetworkOrganizations organizations;
  private final StaffDirectory staff;
  private final Clock clock;

  ReferralPageModel(
      MessageSource messages,
      NetworkOrganizations organizations,
      StaffDirectory staff,
      Clock clock) {
    this.messages = messages;
    this.organizations = organizations;
    this.staff = staff;
    this.clock = clock;
  }

  ZoneId zone() {
    return clock.getZone();
  }

  /** The choices of the content's selects and checkboxes, as model attributes. */
  Map<String, Object> contentOptions() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("needOptions", options(NeedDomain.values(), n -> "needDomain." + n.name(), false));
    model.put(
        "urgencyOptions", options(Urgency.values(), u -> "referrals.urgency." + u.name(), false));
    model.put(
        "contactOptions",
        options(PreferredContact.values(), c -> "referrals.contact." + c.name(), false));
    model.put(
        "categoryOptions",
        options(InformationCategory.values(), c -> "consent.category." + c.name(), false));
    model.put(
        "withdrawOptions",
        options(WithdrawReason.values(), r -> "referrals.withdrawReason." + r.name(), true));
    return model;
  }

  /** The choices of the provider's forms. */
  Map<String, Object> providerOptions(OrganizationId provider) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(
        "declineOptions",
        options(DeclineReason.values(), r -> "referrals.declineReason." + r.name(), true));
    model.put(
        "endOptions", options(EndReason.values(), r -> "referrals.endReason." + r.name(), true));
    model.put(
        "modeOptions",
        options(IntakeMode.values(), m -> "referrals.intakeMode." + m.name(), false));
    List<List<String>> caseworkers = new ArrayList<>();
    caseworkers.add(List.of("", text("referralPages.choose")));
    for (StaffMember member : staff.staffOf(provider)) {
      caseworkers.add(List.of(member.id().value().toString(), member.displayName()));
    }
    model.put("caseworkerOptions", caseworkers);
    return model;
  }

  /** The referral, its timeline in words, and the names it refers to. */
  Map<String, Object> referral(ReferralView view) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("referral", view);
    model.put("zone", zone());
    model.put("timeline", lines(view.timeline()));
    model.put(
        "amendments",
        lines(
            view.timeline().stream()
                .filter(entry -> entry.kind() == TimelineKind.AMENDED)
                .toList()));
    model.put("providerName", organizationName(view.providerOrganization()));
    model.put("caseworkerName", caseworkerName(view.assignedCaseworker()));
    model.put("closingReasonText", closingReason(view));
    return model;
  }

  String organizationName(OrganizationId id) {
    if (id == null) {
      return null;
    }
    return organizations.find(id).map(o -> o.name()).orElse(null);
  }

  String caseworkerName(UserId id) {
    if (id == null) {
      return null;
    }
    return staff.find(id).map(StaffMember::displayName).orElse(null);
  }

  private String closingReason(ReferralView view) {
    if (view.closingReason() == null) {
      return null;
    }
    String prefix =
        switch (view.state()) {
          case DECLINED -> "referrals.declineReason.";
          case ENDED_EARLY -> "referrals.endReason.";
          case WITHDRAWN -> "referrals.withdrawReason.";
          default -> null;
        };
    return prefix == null ? null : text(prefix + view.closingReason());
  }

  private List<Line> lines(List<TimelineEntry> entries) {
    List<Line> lines = new ArrayList<>();
    for (TimelineEntry entry : entries) {
      lines.add(
          new Line(
              entry.at(),
              text("referrals.timeline." + entry.kind().name()),
              organizationName(entry.organization()),
              detail(entry),
              entry.note()));
    }
    return lines.reversed();
  }

  /** The entry's codes in words: a reason's label, the fields an amendment changed. */
  private String detail(TimelineEntry entry) {
    if (entry.codes() == null || entry.codes().isBlank()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String pair : entry.codes().split(";")) {
      int equals = pair.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String key = pair.substring(0, equals).strip();
      String value = pair.substring(equals + 1).strip();
      String label =
          switch (key) {
            case "reason" ->
                switch (entry.kind()) {
                  case DECLINED -> text("referrals.declineReason." + value);
                  case ENDED_EARLY -> text("referrals.endReason." + value);
                  case WITHDRAWN -> text("referrals.withdrawReason." + value);
                  default -> null;
                };
            case "fields" ->
                text(
                    "referralPages.timeline.fields",
                    String.join(
                        ", ",
                        Arrays.stream(value.split(","))
                            .map(f -> text("referralPages.field." + f.strip()))
                            .toList()));
            default -> null;
          };
      if (label != null) {
        parts.add(label);
      }
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private <E extends Enum<E>> List<List<String>> options(
      E[] values, Function<E, String> key, boolean chooseFirst) {
    List<List<String>> options = new ArrayList<>();
    if (chooseFirst) {
      options.add(List.of("", text("referralPages.choose")));
    }
    for (E value : values) {
      options.add(List.of(value.name(), text(key.apply(value))));
    }
    return options;
  }

  String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
