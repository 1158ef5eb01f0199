package io.github.accounts.persistence.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DataDirectoryTest {

    @TempDir
    Path temp;

    static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDirectoryIsTheServicesAlone() throws Exception {
        Path created = DataDirectory.prepare(temp.resolve("data").toString());
        assertEquals("rwx------", permissions(created));
    }

    @Test
    void filesLeftReadableByOthersAreTightened() throws Exception {
        Path data = Files.createDirectory(temp.resolve("old"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path file = Files.writeString(data.resolve("public-keys.jwks"), "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        DataDirectory.prepare(data.toString());
        assertEquals("rwx------", permissions(data));
        assertEquals("rw-------", permissions(file));
    }
}
