package org.bridgeway.care.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

  private static List<String> read(String text) {
    CsvRecords records = new CsvRecords(text.getBytes(StandardCharsets.UTF_8));
    List<String> out = new ArrayList<>();
    CsvRecords.Outcome outcome;
    while ((outcome = records.next()) != CsvRecords.Outcome.END) {
      out.add(
          outcome == CsvRecords.Outcome.MALFORMED
              ? "!" + records.problem()
              : String.valueOf(records.fields()));
    }
    return out;
  }

  @Test
  void quotedCellsKeepCommasQuotesAndLineBreaksAndBlankCellsAreNull() {
    assertThat(read("a,\"b, c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,, x \n"))
        .containsExactly("[a, b, c, say \"hi\", two\nlines]", "[null, null, x]");
  }

  @Test
  void aByteOrderMarkAndBlankLinesAreNotPartOfTheFile() {
    assertThat(read("\uFEFFexternal_id,kind\n\n\nE-1,GROUP\n"))
        .containsExactly("[external_id, kind]", "[E-1, GROUP]");
  }

  @Test
  void aMalformedRecordIsReportedAndTheNextOnesAreStillRead() {
    assertThat(read("a,\"b\"c,d\ne,f\n\"never closed,g\nh,i\n"))
        .containsExactly(
            "!text follows a closing quote", "[e, f]", "!a quoted cell is not closed", "[h, i]");
  }

  @Test
  void onlyUtf8TextWithoutNulCharactersIsText() {
    assertThat(CsvRecords.isUtf8Text("señal,ok\n".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(CsvRecords.isUtf8Text(new byte[] {'a', (byte) 0xC3, '\n'})).isFalse();
    assertThat(CsvRecords.isUtf8Text(new byte[] {'a', 0, '\n'})).isFalse();
  }
}
