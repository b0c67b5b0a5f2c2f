# SPDX-License-Identifier: GPL-3.0-or-later
# pseudo_po.cmake -- every msgid of POT as its own translation wrapped in ⟦…⟧ (cmake -P).
# A pot without any message gives an empty catalog.
file(READ ${POT} pot)
string(REPLACE "charset=CHARSET" "charset=UTF-8" pot "${pot}")
file(WRITE ${OUT}.pot "${pot}")
execute_process(COMMAND ${MSGEN} --force-po --no-wrap -o ${OUT}.en ${OUT}.pot RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "msgen failed on ${POT}")
endif()
execute_process(COMMAND ${MSGFILTER} --force-po --keep-header --no-wrap -i ${OUT}.en -o ${OUT}
                        sed -e "1s/^/⟦/" -e "\$s/\$/⟧/"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "msgfilter failed on ${OUT}.en")
endif()
