package dev.dualcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CheckServerTest {

  @Test
  void escapesEverythingThatCouldLeaveTextOrAnAttribute() {
    assertEquals(
        "&lt;script&gt;x&lt;/script&gt; &amp; &quot;a&quot; &#39;b&#39;",
        CheckServer.escape("<script>x</script> & \"a\" 'b'"));
    assertEquals("Zoë Ōtsuka", CheckServer.escape("Zoë Ōtsuka"));
  }
}
