package id.kinerja.review;

/** Predikat kinerja organisasi, set by the unit head; it fixes the unit's distribution curve. */
public enum UnitPredikat {
  ISTIMEWA("Istimewa"),
  BAIK("Baik"),
  BUTUH_PERBAIKAN("Butuh Perbaikan"),
  KURANG("Kurang"),
  SANGAT_KURANG("Sangat Kurang");

  private final String label;

  UnitPredikat(String label) {
    this.label = label;
  }

  /** The Indonesian label shown to users. */
  public String label() {
    return label;
  }
}
