locals {
  a0 = 0e
  a1 = 1e
  a2 = 2e
  a3 = 3e
  a4 = 4e
  a5 = 5e
  a6 = 6e
  a7 = 7e
  a8 = 8e
  a9 = 9e
  a10 = 10e
  a11 = 11e
  a12 = 12e
  a13 = 13e
  a14 = 14e
  a15 = 15e
  a16 = 16e
  a17 = 17e
  a18 = 18e
  a19 = 19e
  a20 = 20e
  a21 = 21e
  a22 = 22e
  a23 = 23e
  a24 = 24e
}
