// libxml2 without its ICU-dependent declarations: Debian builds libxml2 with ICU,
// and <libxml/encoding.h> would otherwise pull system ICU headers into Swift,
// where they clash with Foundation's bundled ICU.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/parser.h>
