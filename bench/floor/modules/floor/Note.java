package floor;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Entity
@NamedQuery(name = "Note.count", query = "SELECT COUNT(n) FROM Note n")
public class Note {

    @Id
    @GeneratedValue
    Long id;

    @NotBlank
    @Size(max = 50)
    String text;
}
