/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import/internal.h -- what the import module's files share; not part of the API.
 * import is the layer above ingest (reading files) and store (writing them). */
#ifndef JX_IMPORT_INTERNAL_H
#define JX_IMPORT_INTERNAL_H

#include "ingest/internal.h"
#include "store/internal.h"
#include "jixiao/import.h"

#endif
