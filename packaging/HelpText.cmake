# Reads the --help of Glowscope's programs into a tree of global properties, for the manual pages
# and the bash completion made from it (GenerateCliDocs.cmake). The layout is QCommandLineParser's,
# which the hand-written command lists of glowscope-cli follow too:
#   Usage: <program> <synopsis>
#   <description lines>
#   <Heading>:                       "Options", "Arguments", or a list of commands ("Commands")
#     <term>  <text>                 two spaces, the term, two or more spaces, its text
#             <more text>            a wrapped text line, indented further
#   <notes after the sections>
# A node is one help text: `help_<id>_<field>` properties hold its USAGE (the synopsis after the
# program's words), DESCRIPTION and NOTES (paragraphs), SECTIONS, and per section the parallel
# lists TERMS_<section> and TEXTS_<section> (section `Description`: a list indented inside the
# description, not in SECTIONS). A section other than Options and Arguments lists
# commands; each has its own node, read from `<words> <command> --help` (id: `<id>_<command>`).

# ; [ ] would split or glue CMake list elements: they travel encoded and are decoded on output.
function(help_encode out text)
  string(REPLACE ";" "@HELP_SEMICOLON@" text "${text}")
  string(REPLACE "[" "@HELP_LBRACKET@" text "${text}")
  string(REPLACE "]" "@HELP_RBRACKET@" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(help_decode out text)
  string(REPLACE "@HELP_SEMICOLON@" ";" text "${text}")
  string(REPLACE "@HELP_LBRACKET@" "[" text "${text}")
  string(REPLACE "@HELP_RBRACKET@" "]" text "${text}")
  string(REPLACE "@HELP_NONE@" "" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(help_get out id field)
  get_property(value GLOBAL PROPERTY help_${id}_${field})
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

# Runs `<command...> --help`; a failure stops the build.
function(help_run out)
  execute_process(COMMAND ${ARGN} --help RESULT_VARIABLE status OUTPUT_VARIABLE text
    ERROR_VARIABLE errors)
  if(NOT status EQUAL 0)
    string(REPLACE ";" " " shown "${ARGN}")
    message(FATAL_ERROR "`${shown} --help` failed (exit status ${status}):\n${errors}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Appends `line` to the last paragraph of the list property `field`, or starts a paragraph.
function(help_add_text id field line new_paragraph)
  help_get(paragraphs ${id} ${field})
  if(new_paragraph OR paragraphs STREQUAL "")
    list(APPEND paragraphs "${line}")
  else()
    list(POP_BACK paragraphs last)
    list(APPEND paragraphs "${last} ${line}")
  endif()
  set_property(GLOBAL PROPERTY help_${id}_${field} "${paragraphs}")
endfunction()

# One "  term  text" line of `section`; a line without two spaces after the term has no text.
function(help_add_entry id section line)
  string(SUBSTRING "${line}" 2 -1 rest)
  string(FIND "${rest}" "  " gap)
  if(gap EQUAL -1)
    set(term "${rest}")
    set(text "")
  else()
    string(SUBSTRING "${rest}" 0 ${gap} term)
    string(SUBSTRING "${rest}" ${gap} -1 text)
    string(STRIP "${text}" text)
  endif()
  if(text STREQUAL "")
    set(text "@HELP_NONE@")  # an empty element would not be appended: TERMS and TEXTS must pair
  endif()
  set_property(GLOBAL APPEND PROPERTY help_${id}_TERMS_${section} "${term}")
  set_property(GLOBAL APPEND PROPERTY help_${id}_TEXTS_${section} "${text}")
endfunction()

# A wrapped line: appended to the text of the section's last entry.
function(help_continue_entry id section line)
  help_get(texts ${id} TEXTS_${section})
  list(POP_BACK texts last)
  string(STRIP "${line}" line)
  list(APPEND texts "${last} ${line}")
  set_property(GLOBAL PROPERTY help_${id}_TEXTS_${section} "${texts}")
endfunction()

# Parses one help text into node `id`; `words` are the program's words ("glowscope-cli train"),
# which the synopsis starts with (a path, or the command name alone, in the program's output).
function(help_parse id words text)
  help_encode(text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(section "")
  set(field DESCRIPTION)
  set(new_paragraph TRUE)
  foreach(line IN LISTS lines)
    if(line MATCHES "^Usage: (.*)$")
      # The synopsis without the program's words: from the first word starting with [, < or -
      # ([ is encoded as @...@ here).
      set(synopsis "${CMAKE_MATCH_1}")
      while(synopsis MATCHES "^[^-<@ ][^ ]* +(.*)$")
        set(synopsis "${CMAKE_MATCH_1}")
      endwhile()
      if(NOT synopsis MATCHES "^[-<@]")
        set(synopsis "")
      endif()
      set_property(GLOBAL PROPERTY help_${id}_USAGE "${synopsis}")
    elseif(line MATCHES "^([A-Z][A-Za-z ]*):$")
      string(MAKE_C_IDENTIFIER "${CMAKE_MATCH_1}" section)
      set_property(GLOBAL APPEND PROPERTY help_${id}_SECTIONS "${section}")
      set(field NOTES)
    elseif(line MATCHES "^  [^ ]" AND NOT section STREQUAL "")
      help_add_entry(${id} ${section} "${line}")
    elseif(line MATCHES "^  [^ ]" AND field STREQUAL "DESCRIPTION")
      help_add_entry(${id} Description "${line}")  # a list in the description ("info  ...")
      set(section Description)
    elseif(line MATCHES "^   +[^ ]" AND NOT section STREQUAL "")
      help_continue_entry(${id} ${section} "${line}")
    elseif(line STREQUAL "")
      set(section "")
      set(new_paragraph TRUE)
    else()
      string(STRIP "${line}" line)
      help_add_text(${id} ${field} "${line}" ${new_paragraph})
      set(new_paragraph FALSE)
    endif()
  endforeach()
  set_property(GLOBAL PROPERTY help_${id}_WORDS "${words}")
endfunction()

function(help_is_command_section out section)
  if(section STREQUAL "Options" OR section STREQUAL "Arguments")
    set(${out} FALSE PARENT_SCOPE)
  else()
    set(${out} TRUE PARENT_SCOPE)
  endif()
endfunction()

# The commands node `id` lists (terms of its command sections), in order.
function(help_children out id)
  set(children "")
  help_get(sections ${id} SECTIONS)
  foreach(section IN LISTS sections)
    help_is_command_section(is_commands ${section})
    if(is_commands)
      help_get(terms ${id} TERMS_${section})
      list(APPEND children ${terms})
    endif()
  endforeach()
  set(${out} "${children}" PARENT_SCOPE)
endfunction()

function(help_child_id out id command)
  string(MAKE_C_IDENTIFIER "${command}" suffix)
  set(${out} "${id}_${suffix}" PARENT_SCOPE)
endfunction()

# Reads `<program> [arguments...] --help` into node `id`, then every command it lists.
# `words` is how a user types the program and arguments ("glowscope-cli analyze").
function(help_read_tree id words program)
  help_run(text ${program} ${ARGN})
  help_parse(${id} "${words}" "${text}")
  help_children(children ${id})
  foreach(command IN LISTS children)
    help_child_id(child ${id} "${command}")
    help_read_tree(${child} "${words} ${command}" ${program} ${ARGN} ${command})
  endforeach()
endfunction()
