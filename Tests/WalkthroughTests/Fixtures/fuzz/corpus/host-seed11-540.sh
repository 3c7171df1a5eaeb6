seq -2147483648 | tail -n 2
echo {a..z..-0}
expr inf + 2147483647; expr inf / 2147483647; expr inf \* 2147483647; expr substr abcdef inf 2147483647
