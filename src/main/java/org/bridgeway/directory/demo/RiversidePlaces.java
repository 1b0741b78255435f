package org.bridgeway.directory.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bridgeway.directory.geo.Coordinates;
import org.bridgeway.directory.geo.ZipCentroids;

/**
 * Where the demo directory's services are: the ZIP codes of Riverside County, California (and a few
 * of its neighbours in San Bernardino and Imperial counties), each with its city, telephone area
 * code and a weight roughly proportional to its population, so that services cluster where people
 * live. Coordinates are the Census ZIP centroids ({@link ZipCentroids}); streets and numbers are
 * synthetic.
 */
final class RiversidePlaces {

  /** A ZIP code of the region: its city, area code, weight and centroid. */
  record Place(String zip, String city, String areaCode, double weight, Coordinates centroid) {}

  private static final Object[][] ZIPS = {
    {"92501", "Riverside", 6.0},
    {"92503", "Riverside", 8.0},
    {"92504", "Riverside", 6.0},
    {"92505", "Riverside", 5.0},
    {"92506", "Riverside", 4.0},
    {"92507", "Riverside", 6.0},
    {"92508", "Riverside", 3.0},
    {"92509", "Jurupa Valley", 6.0},
    {"92518", "March Air Reserve Base", 0.2},
    {"92521", "Riverside", 0.3},
    {"92530", "Lake Elsinore", 5.0},
    {"92532", "Lake Elsinore", 2.0},
    {"92536", "Aguanga", 0.3},
    {"92539", "Anza", 0.3},
    {"92543", "Hemet", 4.0},
    {"92544", "Hemet", 4.0},
    {"92545", "Hemet", 3.0},
    {"92548", "Homeland", 0.5},
    {"92549", "Idyllwild", 0.3},
    {"92551", "Moreno Valley", 3.0},
    {"92553", "Moreno Valley", 6.0},
    {"92555", "Moreno Valley", 3.0},
    {"92557", "Moreno Valley", 4.0},
    {"92561", "Mountain Center", 0.2},
    {"92562", "Murrieta", 5.0},
    {"92563", "Murrieta", 5.0},
    {"92567", "Nuevo", 0.5},
    {"92570", "Perris", 4.0},
    {"92571", "Perris", 4.0},
    {"92582", "San Jacinto", 2.0},
    {"92583", "San Jacinto", 2.0},
    {"92584", "Menifee", 3.0},
    {"92585", "Menifee", 2.0},
    {"92586", "Menifee", 2.0},
    {"92587", "Menifee", 1.0},
    {"92590", "Temecula", 2.0},
    {"92591", "Temecula", 3.0},
    {"92592", "Temecula", 4.0},
    {"92595", "Wildomar", 2.0},
    {"92596", "Winchester", 1.0},
    {"92201", "Indio", 5.0},
    {"92203", "Indio", 2.0},
    {"92210", "Indian Wells", 0.5},
    {"92211", "Palm Desert", 2.0},
    {"92220", "Banning", 2.0},
    {"92223", "Beaumont", 3.0},
    {"92225", "Blythe", 1.5},
    {"92230", "Cabazon", 0.3},
    {"92234", "Cathedral City", 3.0},
    {"92236", "Coachella", 3.0},
    {"92239", "Desert Center", 0.1},
    {"92240", "Desert Hot Springs", 2.0},
    {"92241", "Desert Hot Springs", 0.5},
    {"92253", "La Quinta", 2.0},
    {"92254", "Mecca", 0.8},
    {"92258", "North Palm Springs", 0.2},
    {"92260", "Palm Desert", 3.0},
    {"92262", "Palm Springs", 3.0},
    {"92264", "Palm Springs", 1.5},
    {"92270", "Rancho Mirage", 1.0},
    {"92274", "Thermal", 1.0},
    {"92276", "Thousand Palms", 0.6},
    {"92282", "Whitewater", 0.1},
    {"92320", "Calimesa", 0.6},
    {"92227", "Brawley", 0.4},
    {"92243", "El Centro", 0.6},
    {"92277", "Twentynine Palms", 0.3},
    {"92284", "Yucca Valley", 0.5},
    {"92311", "Barstow", 0.3},
    {"92324", "Colton", 0.8},
    {"92335", "Fontana", 1.0},
    {"92336", "Fontana", 0.8},
    {"92345", "Hesperia", 0.6},
    {"92354", "Loma Linda", 0.6},
    {"92373", "Redlands", 0.8},
    {"92374", "Redlands", 0.6},
    {"92376", "Rialto", 0.8},
    {"92392", "Victorville", 0.8},
    {"92399", "Yucaipa", 0.8},
  };

  private static final String[] STREETS = {
    "Main St",
    "University Ave",
    "Magnolia Ave",
    "Market St",
    "Arlington Ave",
    "Van Buren Blvd",
    "Alessandro Blvd",
    "Sunnymead Blvd",
    "Perris Blvd",
    "Florida Ave",
    "State St",
    "Palm Canyon Dr",
    "Highway 111",
    "Jefferson St",
    "Monroe St",
    "Winchester Rd",
    "Ynez Rd",
    "Grand Ave",
    "Mission Blvd",
    "Limonite Ave",
    "Iowa Ave",
    "Chicago Ave",
    "Central Ave",
    "Lincoln Ave",
    "Indiana Ave",
    "Day St",
    "Heacock St",
    "Frederick St",
    "Kitching St",
    "Nuevo Rd",
    "4th St",
    "6th St",
    "Ramona Expy",
    "Sanderson Ave",
    "Esplanade Ave",
    "Date Palm Dr",
    "Gene Autry Trl",
    "Dillon Rd",
    "Ramon Rd",
    "Fred Waring Dr",
    "Washington St",
    "Hobsonway",
    "Ramsey St",
    "Oak Valley Pkwy",
    "Beaumont Ave",
    "Hidden Springs Rd",
    "Pierson Blvd",
    "Orange St",
    "Redlands Blvd",
    "Mount Vernon Ave"
  };

  private final List<Place> places;
  private final double totalWeight;

  RiversidePlaces(ZipCentroids centroids) {
    List<Place> found = new ArrayList<>();
    for (Object[] row : ZIPS) {
      String zip = (String) row[0];
      centroids
          .centroid(zip)
          .ifPresent(
              centroid ->
                  found.add(
                      new Place(zip, (String) row[1], areaCode(zip), (Double) row[2], centroid)));
    }
    this.places = List.copyOf(found);
    this.totalWeight = places.stream().mapToDouble(Place::weight).sum();
  }

  List<Place> places() {
    return places;
  }

  /** A ZIP code drawn by population weight. */
  Place draw(Random random) {
    double target = random.nextDouble() * totalWeight;
    for (Place place : places) {
      target -= place.weight();
      if (target < 0) {
        return place;
      }
    }
    return places.getLast();
  }

  /**
   * The home of an organization with a name: in the city the name mentions (the longest city name
   * it contains, so "Moreno Valley" wins over a shorter match), a ZIP code of that city drawn by
   * weight; else any ZIP code drawn by weight. A provider called "Riverside Recovery Center" is
   * then in Riverside, where an officer looking for it would search.
   */
  Place homeOf(String name, Random random) {
    String lower = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
    String city =
        places.stream()
            .map(Place::city)
            .filter(c -> lower.contains(c.toLowerCase(java.util.Locale.ROOT)))
            .max(java.util.Comparator.comparingInt(String::length))
            .orElse(null);
    if (city == null) {
      return draw(random);
    }
    List<Place> inCity = places.stream().filter(p -> p.city().equals(city)).toList();
    double target = random.nextDouble() * inCity.stream().mapToDouble(Place::weight).sum();
    for (Place place : inCity) {
      target -= place.weight();
      if (target < 0) {
        return place;
      }
    }
    return inCity.getLast();
  }

  /**
   * A ZIP code near another: the same city most of the time, else drawn by weight discounted by
   * distance, so that an organization's sites cluster.
   */
  Place near(Place home, Random random) {
    if (random.nextDouble() < 0.6) {
      List<Place> sameCity = places.stream().filter(p -> p.city().equals(home.city())).toList();
      return sameCity.get(random.nextInt(sameCity.size()));
    }
    double[] weights = new double[places.size()];
    double sum = 0;
    for (int i = 0; i < places.size(); i++) {
      double km = home.centroid().metersTo(places.get(i).centroid()) / 1000;
      weights[i] = places.get(i).weight() / (1 + (km / 15) * (km / 15));
      sum += weights[i];
    }
    double target = random.nextDouble() * sum;
    for (int i = 0; i < places.size(); i++) {
      target -= weights[i];
      if (target < 0) {
        return places.get(i);
      }
    }
    return home;
  }

  /** A point scattered around a ZIP centroid (about a kilometre), as addresses spread in a ZIP. */
  static Coordinates around(Place place, Random random) {
    double latitude = place.centroid().latitude() + random.nextGaussian() * 0.009;
    double longitude = place.centroid().longitude() + random.nextGaussian() * 0.011;
    return new Coordinates(round(latitude), round(longitude));
  }

  static String street(Random random) {
    int number = 100 + random.nextInt(160) * 25 + random.nextInt(25);
    return number + " " + STREETS[random.nextInt(STREETS.length)];
  }

  /** A phone number in the 555 exchange, which is not assigned to real subscribers. */
  static String phone(Place place, Random random) {
    return String.format("(%s) 555-%04d", place.areaCode(), random.nextInt(10_000));
  }

  private static String areaCode(String zip) {
    int code = Integer.parseInt(zip);
    if (code >= 92501) {
      return "951";
    }
    if (code == 92220 || code == 92223 || code == 92230) {
      return "951";
    }
    if (code >= 92300 && code != 92311 && code != 92345 && code != 92392) {
      return "909";
    }
    return "760";
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1_000_000d) / 1_000_000d;
  }
}
