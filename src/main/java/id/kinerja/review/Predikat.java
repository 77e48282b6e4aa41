package id.kinerja.review;

/**
 * Predikat kinerja pegawai: follows from the two ratings by the matrix in {@code
 * processes/predikat-kinerja.dmn}.
 */
public enum Predikat {
  SANGAT_BAIK("Sangat Baik"),
  BAIK("Baik"),
  BUTUH_PERBAIKAN("Butuh Perbaikan"),
  KURANG_MISCONDUCT("Kurang/Misconduct"),
  SANGAT_KURANG("Sangat Kurang");

  private final String label;

  Predikat(String label) {
    this.label = label;
  }

  /** The Indonesian label shown to users. */
  public String label() {
    return label;
  }
}
