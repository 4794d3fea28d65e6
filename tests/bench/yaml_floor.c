// tests/bench/yaml_floor.c - the floor for any tool that prints YAML.
//
//   yaml_floor FILE    parse FILE with libyaml and emit every event it reads
//                      again with libyaml's emitter, to stdout
//
// What a YAML-printing tool cannot do without: read the text and write it
// out through the emitter. Exits 1 when FILE is not YAML.
#include <stdio.h>

#include <yaml.h>

static int fail(const char *what, const char *problem)
{
    fprintf(stderr, "yaml_floor: %s: %s\n", what, problem ? problem : "failed");
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: yaml_floor FILE\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    yaml_parser_t parser;
    yaml_emitter_t emitter;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, in);
    yaml_emitter_initialize(&emitter);
    yaml_emitter_set_output_file(&emitter, stdout);
    yaml_emitter_set_unicode(&emitter, 1);
    yaml_emitter_set_width(&emitter, -1);
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event))
            return fail(argv[1], parser.problem);
        int done = event.type == YAML_STREAM_END_EVENT;
        if (!yaml_emitter_emit(&emitter, &event)) // takes the event over
            return fail("stdout", emitter.problem);
        if (done)
            break;
    }
    yaml_emitter_delete(&emitter);
    yaml_parser_delete(&parser);
    fclose(in);
    return 0;
}
