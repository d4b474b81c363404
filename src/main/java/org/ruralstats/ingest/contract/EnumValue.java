package org.ruralstats.ingest.contract;

import java.io.Serializable;
import java.util.List;

/** One value of an enum column: its canonical code and the Chinese labels that mean it. */
public record EnumValue(String code, List<String> labels) implements Serializable {
  public EnumValue {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }
}
