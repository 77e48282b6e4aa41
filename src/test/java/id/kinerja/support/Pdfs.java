package id.kinerja.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDFs read back as a person's reader would: text, fonts, and the QR codes printed on them. */
public final class Pdfs {

  private Pdfs() {}

  /** The text of every page, as extracted (line breaks where the PDF wraps). */
  public static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text with every run of white space made one space, for phrases that may wrap. */
  public static String flatText(byte[] pdf) {
    return text(pdf).replaceAll("\\s+", " ");
  }

  /** Every font used on any page: name and whether it is embedded. */
  public static List<String> fonts(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      var fonts = new ArrayList<String>();
      for (PDPage page : document.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : " NOT embedded"));
        }
      }
      return fonts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The texts of the QR codes in the PDF's images. */
  public static List<String> qrCodes(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      var codes = new ArrayList<String>();
      for (PDPage page : document.getPages()) {
        for (var name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
            var bitmap =
                new BinaryBitmap(
                    new HybridBinarizer(new BufferedImageLuminanceSource(image.getImage())));
            try {
              codes.add(new MultiFormatReader().decode(bitmap).getText());
            } catch (NotFoundException notAQrCode) {
              // another picture
            }
          }
        }
      }
      return codes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int pages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
