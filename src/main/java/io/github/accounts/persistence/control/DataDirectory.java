package io.github.accounts.persistence.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * {@code DATA_DIR} (the embedded database, the public keys the server's JWT store reads) belongs to the service
 * alone: created {@code 0700}, its files {@code 0600}, whatever the process umask; a directory or file that another
 * user owns is refused, since anyone who could write there could plant keys or data.
 */
public final class DataDirectory {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = Logger.getLogger(DataDirectory.class.getName());

    private DataDirectory() {
    }

    /** Creates or checks the directory and tightens what the service owns in it. */
    public static Path prepare(String setting) {
        Path directory = Path.of(setting).toAbsolutePath().normalize();
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            LOG.warning(() -> "DATA_DIR " + directory + ": this file system has no POSIX permissions; protect it yourself");
            return directory;
        }
        try {
            if (!Files.exists(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            // on Linux the JVM takes user.name from the process's user id
            UserPrincipal service = directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            tighten(directory, service, DIRECTORY);
            try (Stream<Path> entries = Files.list(directory)) {
                for (Path entry : entries.toList()) {
                    tighten(entry, service, Files.isDirectory(entry) ? DIRECTORY : FILE);
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare DATA_DIR " + directory, e);
        }
    }

    private static void tighten(Path path, UserPrincipal service, Set<PosixFilePermission> permissions) throws IOException {
        UserPrincipal owner = Files.getOwner(path);
        if (!owner.equals(service)) {
            throw new IllegalStateException("DATA_DIR: " + path + " belongs to " + owner.getName() + ", not to the service's user "
                    + service.getName() + "; refusing to trust it");
        }
        if (!Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
