package io.github.accounts.factors.control;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SVG drawing of the modules: read back from its path, scaled up, the QR code decodes to the URI it was made of. */
class QrCodesTest {

    static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    static final int SCALE = 4;

    @Test
    void theDrawnModulesDecodeToTheUri() throws Exception {
        String uri = Totp.uri("Accounts", "kim@example.com", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        String svg = QrCodes.svg(uri);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        Matcher size = VIEW_BOX.matcher(svg);
        assertTrue(size.find(), svg);
        int width = Integer.parseInt(size.group(1)) * SCALE;
        int height = Integer.parseInt(size.group(2)) * SCALE;
        int[] pixels = new int[width * height];
        java.util.Arrays.fill(pixels, 0xffffff);
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < SCALE; dy++) {
                for (int dx = 0; dx < SCALE; dx++) {
                    pixels[(y * SCALE + dy) * width + x * SCALE + dx] = 0;
                }
            }
        }
        LuminanceSource source = new RGBLuminanceSource(width, height, pixels);
        assertEquals(uri, new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText());
    }
}
