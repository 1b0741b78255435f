package org.bridgeway.supervision.person;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Common English and Spanish given names and their familiar forms (Bill and William, Bob and
 * Robert, Pepe and José), so that a person entered under a nickname is still found as a likely
 * duplicate. A name may belong to several groups (Alex: Alexander, Alejandro).
 */
final class Nicknames {

  private static final List<List<String>> GROUPS =
      List.of(
          List.of("william", "bill", "billy", "will", "willy", "willie", "liam"),
          List.of("robert", "bob", "bobby", "rob", "robbie", "bert"),
          List.of("richard", "rick", "ricky", "rich", "richie", "dick"),
          List.of("james", "jim", "jimmy", "jamie"),
          List.of("john", "jack", "johnny", "jon"),
          List.of("jonathan", "jon", "jonny"),
          List.of("joseph", "joe", "joey"),
          List.of("michael", "mike", "mikey", "mick"),
          List.of("thomas", "tom", "tommy"),
          List.of("charles", "charlie", "chuck", "chas"),
          List.of("edward", "ed", "eddie", "ted", "ned"),
          List.of("elizabeth", "liz", "lizzie", "beth", "betty", "eliza"),
          List.of("margaret", "maggie", "peggy", "meg"),
          List.of("katherine", "catherine", "kathryn", "kate", "katie", "kathy", "cathy"),
          List.of("jennifer", "jen", "jenny"),
          List.of("patricia", "pat", "patty", "trish"),
          List.of("patrick", "pat", "paddy"),
          List.of("christopher", "chris", "topher"),
          List.of("christina", "christine", "chris", "tina"),
          List.of("anthony", "tony"),
          List.of("daniel", "dan", "danny"),
          List.of("david", "dave", "davey"),
          List.of("steven", "stephen", "steve"),
          List.of("alexander", "alex", "al", "sasha"),
          List.of("alejandro", "alex", "alejo"),
          List.of("benjamin", "ben", "benny"),
          List.of("samuel", "sam", "sammy"),
          List.of("samantha", "sam", "sammy"),
          List.of("nicholas", "nick", "nicky"),
          List.of("matthew", "matt"),
          List.of("andrew", "andy", "drew"),
          List.of("gregory", "greg"),
          List.of("kenneth", "ken", "kenny"),
          List.of("lawrence", "larry"),
          List.of("ronald", "ron", "ronnie"),
          List.of("donald", "don", "donnie"),
          List.of("timothy", "tim", "timmy"),
          List.of("susan", "sue", "suzy"),
          List.of("deborah", "debra", "deb", "debbie"),
          List.of("rebecca", "becky", "becca"),
          List.of("victoria", "vicky", "tori"),
          List.of("jose", "pepe", "chepe"),
          List.of("francisco", "paco", "pancho", "frank"),
          List.of("guadalupe", "lupe"),
          List.of("roberto", "beto", "robert"),
          List.of("eduardo", "lalo"),
          List.of("enrique", "kike", "henry"),
          List.of("ignacio", "nacho"),
          List.of("manuel", "manny", "manolo"));

  private static final Map<String, Set<Integer>> GROUPS_OF = new HashMap<>();

  static {
    for (int group = 0; group < GROUPS.size(); group++) {
      for (String name : GROUPS.get(group)) {
        GROUPS_OF.computeIfAbsent(name, n -> new HashSet<>()).add(group);
      }
    }
  }

  private Nicknames() {}

  /** Whether two given names (as {@link NameKeys keys}) are forms of the same name. */
  static boolean sameName(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    if (a.equals(b)) {
      return true;
    }
    Set<Integer> groupsOfA = GROUPS_OF.get(a);
    Set<Integer> groupsOfB = GROUPS_OF.get(b);
    if (groupsOfA == null || groupsOfB == null) {
      return false;
    }
    return groupsOfA.stream().anyMatch(groupsOfB::contains);
  }
}
