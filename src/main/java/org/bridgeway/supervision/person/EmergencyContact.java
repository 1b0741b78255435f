package org.bridgeway.supervision.person;

/** Whom to call in an emergency. */
public record EmergencyContact(String name, String relationship, String phone) {}
