/* The check program of a layer (src/CMakeLists.txt): linked with one
 * layer whole and the layers below it, never run.  Its link fails when the
 * layer calls up. */
int main(void);
int
main(void)
{
    return 0;
}
