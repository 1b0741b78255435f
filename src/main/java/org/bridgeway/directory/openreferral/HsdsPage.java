package org.bridgeway.directory.openreferral;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One page of an {@code /hsds} list, in the envelope of the HSDS API reference's {@code Page}
 * schema.
 *
 * @param totalItems how many items all pages hold together
 * @param request the page asked for
 * @param contents this page's items
 */
public record HsdsPage(long totalItems, HsdsPageRequest request, List<ObjectNode> contents) {

  public HsdsPage {
    contents = List.copyOf(contents);
  }

  public long totalPages() {
    return (totalItems + request.perPage() - 1) / request.perPage();
  }

  /**
   * The envelope. {@code size} is the number of items on this page, as the reference describes it
   * (and its examples show); {@code empty} says that this page has no items, so a page past the
   * last one is empty while {@code total_items} still counts everything.
   */
  public ObjectNode toJson() {
    ObjectNode page = JsonMapper.shared().createObjectNode();
    page.put("total_items", totalItems);
    page.put("total_pages", totalPages());
    page.put("page_number", request.page());
    page.put("size", contents.size());
    page.put("first_page", request.page() == 1);
    page.put("last_page", request.page() >= totalPages());
    page.put("empty", contents.isEmpty());
    ArrayNode items = page.putArray("contents");
    contents.forEach(items::add);
    return page;
  }
}
