seq 1 | tail -n 2
x=99999999999999999999; ((x++)); ((x*=inf)); echo $x $((x / inf)) $((x % inf)) $((x ** 3)) $((1 << inf))
exit 1
