// tests/bench/startup_floor.c - the start-up floor: a C program that links
// the libraries hclc links (cJSON, PCRE2, libyaml), touches each so that
// the dynamic loader maps it, and prints {} with cJSON. hclc building the
// smallest project is measured against it.
#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <yaml.h>

int main(void)
{
    uint32_t unicode = 0;
    pcre2_config(PCRE2_CONFIG_UNICODE, &unicode);
    if (!yaml_get_version_string() || !unicode)
        return 1;
    cJSON *obj = cJSON_CreateObject();
    char *text = obj ? cJSON_Print(obj) : NULL;
    if (!text)
        return 1;
    puts(text);
    free(text);
    cJSON_Delete(obj);
    return 0;
}
