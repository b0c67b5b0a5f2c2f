/* SPDX-License-Identifier: GPL-3.0-or-later */
/* table/internal.h -- what the result table's files share; not part of the API. */
#ifndef JX_TABLE_INTERNAL_H
#define JX_TABLE_INTERNAL_H

#include "text/internal.h"
#include "jixiao/table.h"

#endif
