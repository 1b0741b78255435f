package org.bridgeway.directory.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bridgeway.directory.CostKind;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;

/**
 * The kinds of service the demo directory is made of, modelled on what a county 211 lists for
 * people on supervision, with the eligibility rules, costs and capacity typical of each; and the
 * demo's service taxonomy, after the top levels of the 211 (AIRS) classification.
 */
final class ServiceCatalog {

  private ServiceCatalog() {}

  /** A term of the demo service taxonomy; {@code parent} is null for a top-level category. */
  record Term(String code, String name, String parent) {}

  static final List<Term> TERMS =
      List.of(
          new Term("basic-needs", "Basic Needs", null),
          new Term("food-pantries", "Food Pantries", "basic-needs"),
          new Term("meals", "Congregate Meals", "basic-needs"),
          new Term("benefits-assistance", "Public Benefits Assistance", "basic-needs"),
          new Term("transportation", "Transportation Assistance", "basic-needs"),
          new Term("identification", "Identification Documents", "basic-needs"),
          new Term("housing", "Housing and Shelter", null),
          new Term("emergency-shelter", "Emergency Shelter", "housing"),
          new Term("transitional-housing", "Transitional Housing", "housing"),
          new Term("sober-living", "Sober Living Homes", "housing"),
          new Term("rent-assistance", "Rent Payment Assistance", "housing"),
          new Term("health-care", "Health Care", null),
          new Term("primary-care", "Primary Care", "health-care"),
          new Term("dental-care", "Dental Care", "health-care"),
          new Term("behavioral-health", "Mental Health and Substance Use Disorder Services", null),
          new Term("outpatient-sud", "Outpatient Substance Use Treatment", "behavioral-health"),
          new Term("residential-sud", "Residential Substance Use Treatment", "behavioral-health"),
          new Term("medication-assisted", "Medication Assisted Treatment", "behavioral-health"),
          new Term("counseling", "Counseling", "behavioral-health"),
          new Term("psychiatric", "Psychiatric Services", "behavioral-health"),
          new Term("support-groups", "Support Groups", "behavioral-health"),
          new Term("justice", "Criminal Justice and Legal Services", null),
          new Term("reentry", "Reentry Services", "justice"),
          new Term("record-clearance", "Record Clearance", "justice"),
          new Term("legal-aid", "Legal Aid", "justice"),
          new Term("dui-programs", "DUI Programs", "justice"),
          new Term("batterer-intervention", "Batterer Intervention Programs", "justice"),
          new Term("cognitive-behavioral", "Cognitive Behavioral Programs", "justice"),
          new Term("anger-management", "Anger Management", "justice"),
          new Term("employment", "Employment and Education", null),
          new Term("job-readiness", "Job Readiness", "employment"),
          new Term("vocational-training", "Vocational Training", "employment"),
          new Term("adult-education", "Adult Basic Education and GED", "employment"),
          new Term("family", "Individual and Family Life", null),
          new Term("parenting", "Parenting Education", "family"),
          new Term("family-counseling", "Family Counseling", "family"),
          new Term("child-care", "Child Care", "family"),
          new Term("mentoring", "Mentoring", "family"),
          new Term("recreation", "Recreation", "family"));

  /** When a service is open, as weekly HSDS schedules. */
  enum Hours {
    OFFICE,
    EXTENDED,
    EVENING_GROUPS,
    ALWAYS,
    DISTRIBUTION,
    WEEKDAY_MORNINGS
  }

  /** Who typically offers a kind of service. */
  enum Provider {
    TREATMENT,
    COMMUNITY,
    EITHER
  }

  /** A kind of service, with what varies between the services of that kind. */
  static final class Template {
    final String name;
    final Provider provider;
    final int weight;
    final String description;
    List<String> terms = List.of();
    Set<NeedDomain> domains = EnumSet.noneOf(NeedDomain.class);
    Integer minimumAge = 18;
    Integer maximumAge;
    double femaleOnly;
    double maleOnly;
    Set<OffenseCategory> exclusions = EnumSet.noneOf(OffenseCategory.class);
    double exclusionChance;
    Set<InsuranceCoverage> insurance = EnumSet.noneOf(InsuranceCoverage.class);
    CostKind cost = CostKind.FREE;
    double costMin;
    double costMax;
    String unit = "session";
    int slotsMax = 20;
    int waitlistMax = 10;
    Hours hours = Hours.OFFICE;
    boolean remote;
    String application = "Call or walk in during open hours for an intake appointment.";
    String documents;

    Template(String name, Provider provider, int weight, String description) {
      this.name = name;
      this.provider = provider;
      this.weight = weight;
      this.description = description;
    }

    Template terms(String... codes) {
      terms = List.of(codes);
      return this;
    }

    Template domains(NeedDomain first, NeedDomain... rest) {
      domains = EnumSet.of(first, rest);
      return this;
    }

    Template ages(Integer minimum, Integer maximum) {
      minimumAge = minimum;
      maximumAge = maximum;
      return this;
    }

    Template genders(double female, double male) {
      femaleOnly = female;
      maleOnly = male;
      return this;
    }

    Template excludes(double chance, OffenseCategory first, OffenseCategory... rest) {
      exclusionChance = chance;
      exclusions = EnumSet.of(first, rest);
      return this;
    }

    Template insurance(InsuranceCoverage first, InsuranceCoverage... rest) {
      insurance = EnumSet.of(first, rest);
      return this;
    }

    Template cost(CostKind kind, double minimum, double maximum, String per) {
      cost = kind;
      costMin = minimum;
      costMax = maximum;
      unit = per;
      return this;
    }

    Template capacity(int slots, int waitlist) {
      slotsMax = slots;
      waitlistMax = waitlist;
      return this;
    }

    Template hours(Hours when) {
      hours = when;
      return this;
    }

    Template remote() {
      remote = true;
      return this;
    }

    Template apply(String how) {
      application = how;
      return this;
    }

    Template documents(String what) {
      documents = what;
      return this;
    }
  }

  private static final InsuranceCoverage MEDICAID = InsuranceCoverage.MEDICAID;
  private static final InsuranceCoverage MEDICARE = InsuranceCoverage.MEDICARE;
  private static final InsuranceCoverage PRIVATE = InsuranceCoverage.PRIVATE;
  private static final InsuranceCoverage VETERANS = InsuranceCoverage.VETERANS;
  private static final InsuranceCoverage UNINSURED = InsuranceCoverage.UNINSURED;

  /** The kinds of service, the most common first (weights make the mix skewed). */
  static final List<Template> TEMPLATES =
      List.of(
          new Template(
                  "Outpatient Substance Use Treatment",
                  Provider.TREATMENT,
                  30,
                  "Individual and group counseling for alcohol and drug use, with relapse"
                      + " prevention and case management. Reports attendance to probation with"
                      + " the client's consent.")
              .terms("outpatient-sud")
              .domains(NeedDomain.SUBSTANCE_USE)
              .insurance(MEDICAID, PRIVATE, UNINSURED)
              .cost(CostKind.SLIDING_SCALE, 45, 140, "session")
              .capacity(25, 15)
              .hours(Hours.EXTENDED)
              .remote()
              .documents("Photo ID and Medi-Cal card if you have one"),
          new Template(
                  "Intensive Outpatient Program",
                  Provider.TREATMENT,
                  14,
                  "Nine or more hours a week of structured substance use treatment for people"
                      + " who need more than weekly counseling but not a residential stay.")
              .terms("outpatient-sud")
              .domains(NeedDomain.SUBSTANCE_USE, NeedDomain.MENTAL_HEALTH)
              .insurance(MEDICAID, PRIVATE)
              .cost(CostKind.INSURANCE, 120, 260, "day")
              .capacity(15, 12),
          new Template(
                  "Residential Substance Use Treatment",
                  Provider.TREATMENT,
                  10,
                  "A 30 to 90 day live-in treatment program with counseling, life skills and"
                      + " discharge planning.")
              .terms("residential-sud")
              .domains(NeedDomain.SUBSTANCE_USE)
              .genders(0.25, 0.25)
              .excludes(0.7, OffenseCategory.SEX_OFFENSE, OffenseCategory.ARSON)
              .insurance(MEDICAID, PRIVATE)
              .cost(CostKind.INSURANCE, 180, 360, "bed night")
              .capacity(6, 25)
              .hours(Hours.ALWAYS)
              .apply("Call the admissions line for a phone screening; a referral is not required."),
          new Template(
                  "Medication for Opioid Use Disorder",
                  Provider.TREATMENT,
                  8,
                  "Buprenorphine and methadone treatment with counseling. Same-day starts are"
                      + " often possible.")
              .terms("medication-assisted")
              .domains(NeedDomain.SUBSTANCE_USE, NeedDomain.PHYSICAL_HEALTH)
              .insurance(MEDICAID, MEDICARE, PRIVATE, UNINSURED)
              .cost(CostKind.INSURANCE, 15, 40, "day")
              .capacity(30, 10)
              .hours(Hours.WEEKDAY_MORNINGS),
          new Template(
                  "DUI Program",
                  Provider.TREATMENT,
                  7,
                  "State-licensed first-offender and multiple-offender DUI programs: education,"
                      + " group sessions and individual interviews.")
              .terms("dui-programs")
              .domains(NeedDomain.SUBSTANCE_USE)
              .cost(CostKind.FIXED, 550, 1900, "course")
              .capacity(40, 5)
              .hours(Hours.EVENING_GROUPS),
          new Template(
                  "Mental Health Counseling",
                  Provider.TREATMENT,
                  14,
                  "Short-term individual therapy for depression, anxiety and trauma, with"
                      + " referrals to psychiatry when needed.")
              .terms("counseling")
              .domains(NeedDomain.MENTAL_HEALTH)
              .insurance(MEDICAID, MEDICARE, PRIVATE)
              .cost(CostKind.INSURANCE, 90, 180, "session")
              .capacity(12, 20)
              .remote(),
          new Template(
                  "Psychiatric Medication Management",
                  Provider.TREATMENT,
                  5,
                  "Psychiatric evaluation and follow-up visits for medication.")
              .terms("psychiatric")
              .domains(NeedDomain.MENTAL_HEALTH)
              .insurance(MEDICAID, MEDICARE, PRIVATE)
              .cost(CostKind.INSURANCE, 150, 280, "session")
              .capacity(8, 30)
              .remote(),
          new Template(
                  "Cognitive Behavioral Therapy Group",
                  Provider.TREATMENT,
                  9,
                  "A structured group program (such as Moral Reconation Therapy or Thinking for"
                      + " a Change) that addresses criminal thinking and decision making.")
              .terms("cognitive-behavioral")
              .domains(NeedDomain.ATTITUDES_COGNITION, NeedDomain.PERSONALITY_BEHAVIOR)
              .cost(CostKind.FREE, 35, 70, "session")
              .capacity(16, 12)
              .hours(Hours.EVENING_GROUPS),
          new Template(
                  "Anger Management",
                  Provider.EITHER,
                  6,
                  "A court-approved 12, 26 or 52 week anger management class.")
              .terms("anger-management")
              .domains(NeedDomain.PERSONALITY_BEHAVIOR)
              .cost(CostKind.SLIDING_SCALE, 20, 45, "session")
              .capacity(15, 8)
              .hours(Hours.EVENING_GROUPS),
          new Template(
                  "Batterer Intervention Program",
                  Provider.TREATMENT,
                  4,
                  "A 52-week certified program for people who have used violence against an"
                      + " intimate partner.")
              .terms("batterer-intervention")
              .domains(NeedDomain.PERSONALITY_BEHAVIOR, NeedDomain.FAMILY_MARITAL)
              .genders(0.15, 0.6)
              .cost(CostKind.SLIDING_SCALE, 25, 60, "session")
              .capacity(14, 6)
              .hours(Hours.EVENING_GROUPS),
          new Template(
                  "Emergency Shelter",
                  Provider.COMMUNITY,
                  10,
                  "Overnight shelter with meals, showers and case management toward housing.")
              .terms("emergency-shelter")
              .domains(NeedDomain.HOUSING)
              .genders(0.2, 0.2)
              .excludes(0.75, OffenseCategory.SEX_OFFENSE, OffenseCategory.ARSON)
              .cost(CostKind.FREE, 45, 90, "bed night")
              .capacity(12, 20)
              .hours(Hours.ALWAYS)
              .apply("Arrive by 6 p.m. or call the shelter line for a bed check."),
          new Template(
                  "Sober Living Home",
                  Provider.EITHER,
                  9,
                  "Drug- and alcohol-free shared housing with house meetings and peer support.")
              .terms("sober-living", "transitional-housing")
              .domains(NeedDomain.HOUSING, NeedDomain.SUBSTANCE_USE)
              .genders(0.4, 0.45)
              .excludes(0.8, OffenseCategory.SEX_OFFENSE, OffenseCategory.ARSON)
              .cost(CostKind.FIXED, 550, 950, "month")
              .capacity(5, 6)
              .hours(Hours.ALWAYS),
          new Template(
                  "Transitional Housing",
                  Provider.COMMUNITY,
                  6,
                  "Up to 24 months of supportive housing with employment and savings goals.")
              .terms("transitional-housing")
              .domains(NeedDomain.HOUSING)
              .genders(0.35, 0.1)
              .excludes(
                  0.6, OffenseCategory.SEX_OFFENSE, OffenseCategory.ARSON, OffenseCategory.VIOLENT)
              .cost(CostKind.SLIDING_SCALE, 300, 700, "month")
              .capacity(8, 30),
          new Template(
                  "Rental Assistance",
                  Provider.COMMUNITY,
                  5,
                  "Help with a deposit, first month's rent or back rent to prevent eviction.")
              .terms("rent-assistance")
              .domains(NeedDomain.HOUSING, NeedDomain.BENEFITS_INCOME)
              .cost(CostKind.FREE, 800, 2500, "household")
              .capacity(20, 40)
              .documents("Photo ID, lease or rental agreement, proof of income"),
          new Template(
                  "Job Readiness Workshop",
                  Provider.COMMUNITY,
                  12,
                  "Resume writing, interview practice and job search help for people with"
                      + " records, with connections to second-chance employers.")
              .terms("job-readiness", "reentry")
              .domains(NeedDomain.EDUCATION_EMPLOYMENT)
              .cost(CostKind.FREE, 40, 90, "session")
              .capacity(25, 10),
          new Template(
                  "Vocational Training",
                  Provider.COMMUNITY,
                  6,
                  "Short certificate courses in forklift operation, construction trades,"
                      + " commercial driving and food handling.")
              .terms("vocational-training")
              .domains(NeedDomain.EDUCATION_EMPLOYMENT)
              .cost(CostKind.FREE, 900, 4500, "course")
              .capacity(18, 25),
          new Template(
                  "Adult Education and GED Preparation",
                  Provider.COMMUNITY,
                  6,
                  "High school equivalency classes, adult literacy and English as a second"
                      + " language.")
              .terms("adult-education")
              .domains(NeedDomain.EDUCATION_EMPLOYMENT)
              .cost(CostKind.FREE, 15, 40, "class")
              .capacity(30, 10)
              .hours(Hours.EXTENDED),
          new Template(
                  "Food Pantry",
                  Provider.COMMUNITY,
                  14,
                  "Free groceries once a week; no proof of income needed.")
              .terms("food-pantries")
              .domains(NeedDomain.FOOD)
              .ages(null, null)
              .cost(CostKind.FREE, 8, 20, "visit")
              .capacity(150, 0)
              .hours(Hours.DISTRIBUTION)
              .apply("Walk in during distribution hours."),
          new Template(
                  "Community Meals",
                  Provider.COMMUNITY,
                  5,
                  "Hot meals served daily, no questions asked.")
              .terms("meals")
              .domains(NeedDomain.FOOD)
              .ages(null, null)
              .cost(CostKind.FREE, 3, 8, "meal")
              .capacity(120, 0)
              .hours(Hours.WEEKDAY_MORNINGS),
          new Template(
                  "Benefits Enrollment Assistance",
                  Provider.COMMUNITY,
                  7,
                  "Help applying for CalFresh, Medi-Cal, General Relief and SSI.")
              .terms("benefits-assistance")
              .domains(NeedDomain.BENEFITS_INCOME, NeedDomain.FOOD)
              .cost(CostKind.FREE, 30, 60, "application")
              .capacity(25, 10)
              .documents("Photo ID and proof of address if you have them"),
          new Template(
                  "ID and Birth Certificate Assistance",
                  Provider.COMMUNITY,
                  5,
                  "Vouchers and help to replace a California ID, birth certificate or Social"
                      + " Security card.")
              .terms("identification", "reentry")
              .domains(NeedDomain.IDENTIFICATION_DOCUMENTS)
              .cost(CostKind.FREE, 25, 60, "document")
              .capacity(30, 10),
          new Template(
                  "Bus Pass Program",
                  Provider.COMMUNITY,
                  4,
                  "Monthly transit passes for treatment, court and job search appointments.")
              .terms("transportation")
              .domains(NeedDomain.TRANSPORTATION)
              .cost(CostKind.FREE, 40, 60, "month")
              .capacity(50, 20),
          new Template(
                  "Record Clearance Clinic",
                  Provider.COMMUNITY,
                  4,
                  "Free legal help with expungement, Proposition 47 petitions and early"
                      + " termination of probation.")
              .terms("record-clearance", "legal-aid")
              .domains(NeedDomain.LEGAL_AID)
              .cost(CostKind.FREE, 150, 400, "case")
              .capacity(20, 30),
          new Template(
                  "Reentry Case Management",
                  Provider.EITHER,
                  7,
                  "A case manager who helps with housing, work, benefits and court obligations"
                      + " in the first year after release.")
              .terms("reentry")
              .domains(NeedDomain.ASSOCIATES, NeedDomain.HOUSING, NeedDomain.EDUCATION_EMPLOYMENT)
              .cost(CostKind.FREE, 60, 120, "month")
              .capacity(20, 15),
          new Template(
                  "Parenting Classes",
                  Provider.COMMUNITY,
                  5,
                  "A 10-week evidence-based parenting course, accepted by family court.")
              .terms("parenting")
              .domains(NeedDomain.FAMILY_MARITAL)
              .genders(0.2, 0.1)
              .cost(CostKind.FREE, 25, 50, "session")
              .capacity(16, 8)
              .hours(Hours.EVENING_GROUPS),
          new Template(
                  "Family Counseling",
                  Provider.TREATMENT,
                  4,
                  "Counseling for couples and families affected by incarceration or substance"
                      + " use.")
              .terms("family-counseling")
              .domains(NeedDomain.FAMILY_MARITAL, NeedDomain.MENTAL_HEALTH)
              .insurance(MEDICAID, PRIVATE)
              .cost(CostKind.SLIDING_SCALE, 40, 120, "session")
              .capacity(10, 10)
              .remote(),
          new Template(
                  "Child Care Assistance",
                  Provider.COMMUNITY,
                  3,
                  "Subsidized child care for parents in work, school or treatment.")
              .terms("child-care")
              .domains(NeedDomain.CHILDCARE)
              .cost(CostKind.SLIDING_SCALE, 30, 65, "day")
              .capacity(10, 40),
          new Template(
                  "Peer Mentoring",
                  Provider.COMMUNITY,
                  6,
                  "One-to-one mentoring by people with lived experience of the justice system.")
              .terms("mentoring", "reentry")
              .domains(NeedDomain.ASSOCIATES, NeedDomain.ATTITUDES_COGNITION)
              .cost(CostKind.FREE, 20, 45, "session")
              .capacity(15, 10),
          new Template(
                  "Recovery Support Group",
                  Provider.EITHER,
                  6,
                  "Peer-led recovery meetings, including 12-step and SMART Recovery formats.")
              .terms("support-groups")
              .domains(NeedDomain.SUBSTANCE_USE, NeedDomain.ASSOCIATES)
              .ages(null, null)
              .cost(CostKind.FREE, 0, 5, "meeting")
              .capacity(40, 0)
              .hours(Hours.EVENING_GROUPS),
          new Template(
                  "Recreation and Fitness Program",
                  Provider.COMMUNITY,
                  3,
                  "Supervised sports leagues, gym access and outdoor activities.")
              .terms("recreation")
              .domains(NeedDomain.LEISURE_RECREATION)
              .cost(CostKind.FREE, 5, 15, "visit")
              .capacity(40, 0),
          new Template(
                  "Youth Diversion Program",
                  Provider.COMMUNITY,
                  3,
                  "Mentoring, restorative justice circles and family support for young people"
                      + " diverted from court.")
              .terms("mentoring", "reentry")
              .domains(
                  NeedDomain.ATTITUDES_COGNITION, NeedDomain.ASSOCIATES, NeedDomain.FAMILY_MARITAL)
              .ages(12, 17)
              .cost(CostKind.FREE, 40, 90, "session")
              .capacity(20, 10),
          new Template(
                  "Community Health Clinic",
                  Provider.TREATMENT,
                  5,
                  "Primary care, screenings and chronic disease care on a sliding fee scale.")
              .terms("primary-care")
              .domains(NeedDomain.PHYSICAL_HEALTH)
              .ages(null, null)
              .insurance(MEDICAID, MEDICARE, PRIVATE, UNINSURED)
              .cost(CostKind.SLIDING_SCALE, 40, 180, "visit")
              .capacity(25, 15),
          new Template(
                  "Dental Clinic",
                  Provider.TREATMENT,
                  2,
                  "Exams, cleanings, fillings and extractions.")
              .terms("dental-care")
              .domains(NeedDomain.PHYSICAL_HEALTH)
              .ages(null, null)
              .insurance(MEDICAID, PRIVATE, UNINSURED)
              .cost(CostKind.SLIDING_SCALE, 50, 200, "visit")
              .capacity(10, 40),
          new Template(
                  "Veterans Reentry Services",
                  Provider.COMMUNITY,
                  2,
                  "Benefits, housing and treatment navigation for veterans leaving custody.")
              .terms("reentry", "benefits-assistance")
              .domains(NeedDomain.BENEFITS_INCOME, NeedDomain.HOUSING)
              .insurance(VETERANS)
              .cost(CostKind.FREE, 60, 120, "month")
              .capacity(15, 10));
}
