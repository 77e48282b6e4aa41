package id.kinerja.review;

/** Rating hasil kerja or rating perilaku kerja, set by the rater (PermenPANRB 6/2022). */
public enum Rating {
  DI_ATAS_EKSPEKTASI("Di Atas Ekspektasi"),
  SESUAI_EKSPEKTASI("Sesuai Ekspektasi"),
  DI_BAWAH_EKSPEKTASI("Di Bawah Ekspektasi");

  private final String label;

  Rating(String label) {
    this.label = label;
  }

  /** The Indonesian label shown to users. */
  public String label() {
    return label;
  }
}
