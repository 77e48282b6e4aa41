package id.kinerja.review;

/**
 * The mean score (1 to 5, one decimal) a BerAKHLAK value got and from how many answers; a null
 * average when nobody scored it.
 */
public record ValueScore(String value, Double average, long answers) {}
