# SPDX-License-Identifier: GPL-3.0-or-later
# translations.cmake -- message catalogs (GNU gettext) built into ${PROJECT_BINARY_DIR}/locale
# and installed under share/locale:
#   po/<lang>.po for each language in po/LINGUAS  -> locale/<lang>/LC_MESSAGES/jixiao.mo
#   a pseudo catalog of every extracted msgid wrapped in ⟦…⟧ -> locale/x_PSEUDO/... (tests only,
#   not installed): a line a command prints that is not wrapped never went through gettext.
find_program(JX_MSGFMT msgfmt REQUIRED)
find_program(JX_XGETTEXT xgettext REQUIRED)
find_program(JX_MSGEN msgen REQUIRED)
find_program(JX_MSGFILTER msgfilter REQUIRED)

set(JX_LOCALE_DIR ${PROJECT_BINARY_DIR}/locale)
file(STRINGS ${PROJECT_SOURCE_DIR}/po/LINGUAS JX_LINGUAS REGEX "^[^#]")
set(JX_MO_FILES)
foreach(lang ${JX_LINGUAS})
  set(mo ${JX_LOCALE_DIR}/${lang}/LC_MESSAGES/jixiao.mo)
  add_custom_command(OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${JX_LOCALE_DIR}/${lang}/LC_MESSAGES
    COMMAND ${JX_MSGFMT} --check -o ${mo} ${PROJECT_SOURCE_DIR}/po/${lang}.po
    DEPENDS ${PROJECT_SOURCE_DIR}/po/${lang}.po
    COMMENT "Compiling the ${lang} message catalog")
  list(APPEND JX_MO_FILES ${mo})
  install(FILES ${mo} DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()

# Sources whose texts are extracted: the library and the CLI (with their .def tables).
file(GLOB_RECURSE JX_PO_SOURCES CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/src/lib/*.c ${PROJECT_SOURCE_DIR}/src/lib/*.h
  ${PROJECT_SOURCE_DIR}/src/cli/*.c ${PROJECT_SOURCE_DIR}/src/cli/*.h
  ${PROJECT_SOURCE_DIR}/src/lib/*.def ${PROJECT_SOURCE_DIR}/src/cli/*.def)
list(SORT JX_PO_SOURCES)
set(JX_XGETTEXT_ARGS --language=C --from-code=UTF-8 --add-comments=TRANSLATORS
  --keyword=_ --keyword=N_ --keyword=ngettext:1,2 --keyword=dgettext:2 --keyword=dngettext:2,3
  --package-name=jixiao --no-location --sort-output --force-po)
set(JX_POT ${PROJECT_BINARY_DIR}/po/jixiao.pot)
set(JX_PSEUDO_MO ${JX_LOCALE_DIR}/x_PSEUDO/LC_MESSAGES/jixiao.mo)
add_custom_command(OUTPUT ${JX_POT} ${JX_PSEUDO_MO}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/po ${JX_LOCALE_DIR}/x_PSEUDO/LC_MESSAGES
  COMMAND ${JX_XGETTEXT} ${JX_XGETTEXT_ARGS} -o ${JX_POT} ${JX_PO_SOURCES}
  COMMAND ${CMAKE_COMMAND} -DPOT=${JX_POT} -DOUT=${PROJECT_BINARY_DIR}/po/pseudo.po
          -DMSGEN=${JX_MSGEN} -DMSGFILTER=${JX_MSGFILTER}
          -P ${PROJECT_SOURCE_DIR}/cmake/pseudo_po.cmake
  COMMAND ${JX_MSGFMT} -o ${JX_PSEUDO_MO} ${PROJECT_BINARY_DIR}/po/pseudo.po
  DEPENDS ${JX_PO_SOURCES} ${PROJECT_SOURCE_DIR}/cmake/pseudo_po.cmake
  COMMENT "Extracting texts for translation (po/jixiao.pot) and the pseudo catalog")
add_custom_target(translations ALL DEPENDS ${JX_MO_FILES} ${JX_POT} ${JX_PSEUDO_MO})
