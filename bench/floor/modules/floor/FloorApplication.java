package floor;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The modules floor: the container modules the service uses (JAX-RS, CDI, EJB, JPA, Bean Validation, MP JWT), none of its code.
 * A CDI bean, so that MicroProfile JWT sees its {@code @LoginConfig} in an annotated bean archive. */
@ApplicationScoped
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles("user")
public class FloorApplication extends Application {
}
