# mixtract_set_warnings(TARGET): the project's warning flags; errors when MIXTRACT_WERROR is ON.
function(mixtract_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference -Wimplicit-fallthrough)
  if(MIXTRACT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
